/*
 * Material's menu and search buttons in the header are <label>s for hidden
 * checkboxes: a mouse or a finger can use them, the keyboard cannot reach
 * them. Make them buttons: focusable, named, announced as open or closed,
 * and toggled by Space (Material itself already clicks a focused label on
 * Enter). The names are the theme's own, already translated (the
 * navigation's and the search field's labels).
 */
(function () {
  function name(selector) {
    var element = document.querySelector(selector);
    return element && (element.getAttribute("aria-label") || element.getAttribute("placeholder"));
  }
  var buttons = [
    { toggle: "__drawer", label: name("nav.md-nav--primary") },
    { toggle: "__search", label: name("input.md-search__input") }
  ];
  buttons.forEach(function (button) {
    var toggle = document.getElementById(button.toggle);
    var label = document.querySelector('label.md-header__button[for="' + button.toggle + '"]');
    if (!toggle || !label) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (button.label) label.setAttribute("aria-label", button.label);
    var sync = function () { label.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    label.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      toggle.click();
      sync();
    });
  });
})();
