/*
 * Material's menu and search buttons in the header are <label>s for hidden
 * checkboxes: a mouse or a finger can use them, the keyboard and screen
 * readers cannot. Put a real <button> inside each label (the label keeps
 * Material's styling; a click on a button inside a label does not also
 * trigger the label), named with the theme's own translated words, and
 * announced as open or closed. The search dialog gets the same name.
 */
(function () {
  function name(selector) {
    var element = document.querySelector(selector);
    return element && (element.getAttribute("aria-label") || element.getAttribute("placeholder"));
  }
  var searchName = name("input.md-search__input");
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && searchName) dialog.setAttribute("aria-label", searchName);

  [
    { toggle: "__drawer", label: name("nav.md-nav--primary") },
    { toggle: "__search", label: searchName }
  ].forEach(function (wanted) {
    var toggle = document.getElementById(wanted.toggle);
    var label = document.querySelector('label.md-header__button[for="' + wanted.toggle + '"]');
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lu-header-button";
    if (wanted.label) button.setAttribute("aria-label", wanted.label);
    while (label.firstChild) button.appendChild(label.firstChild); // the icon moves into the button
    label.appendChild(button);
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      toggle.click();
      sync();
    });
  });
})();
