"""Results are actionable: every result has a next step, and the organisations they name are links."""

from wizard.links import NAMES, result_texts


def test_every_result_has_a_next_step_and_named_organisations_have_https_links(flow_data):
    linked_names = set()
    for (flow_id, lang), data in flow_data.items():
        for outcome_id, outcome in data["outcomes"].items():
            assert outcome["next"], f"{flow_id}.{lang}: the result {outcome_id} has no next step"
        for name, url in data["links"].items():
            assert url.startswith("https://"), (name, url)
            # named in a text the runtime links (body, notes, next steps), as the export found it
            assert any(name in " ".join(result_texts(o)) for o in data["outcomes"].values()), name
        linked_names |= set(data["links"])
    assert {"MyGuichet.lu", "guichet.lu", "ASTI"} <= linked_names
    # longest first: "MyGuichet.lu" is linked as a whole, not as "My" + a link to "guichet.lu"
    for data in flow_data.values():
        lengths = [len(name) for name in data["links"]]
        assert lengths == sorted(lengths, reverse=True)


def test_the_table_names_only_url_facts(facts):
    for name, fact in NAMES.items():
        assert fact in facts and facts[fact].type == "url", name
