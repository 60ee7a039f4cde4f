"""URL state: strict parsing; tampered state is dropped, never executed; Python = Node."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wizard_helpers import run_node

from wizard.engine import format_state, parse_iso, parse_state

TAMPERED = [
    "", "#", "wizard=route", "#wizard=route&a=", "#wizard=permit&a=connection:lives",
    "#wizard=route&a=connection:lives,age:34", "#wizard=route&a=age:34,age:35,connection:works",
    "#wizard=route&a=connection:<img src=x onerror=alert(1)>", "#wizard=route&a=age:-4",
    "#wizard=route&a=age:1e3,age:0x10", "#wizard=route&a=cai_signed_on:2023-02-30",
    "#wizard=route&a=cai_signed_on:2023-12-31", "#wizard=route&a=__proto__:x,constructor:y",
    "#wizard=route&a=toString:yes,hasOwnProperty:no", "#wizard=route&a=goal:javascript:alert(1)",
    "#wizard=route&wizard=permit&a=connection:lives", "#a=connection:lives&wizard=route",
    "#wizard=route&a=connection:lives&a=connection:works", "#wizard=route&a=age:" + "9" * 13,
    "#wizard=route&a=" + ",".join(["connection:lives"] * 500), "#wizard=route&a=age:%33%34",
    "#wizard=route&a=pact_member:YES,cai:yes ", "#wizard=route&a=last_module:2024-1-1",
]


def test_known_slugs_and_well_formed_values_only(flows):
    route = flows["route"]
    assert parse_state(route, "#wizard=route&a=connection:lives,age:34,nope:1,goal:fly") == {
        "connection": "lives", "age": "34"}
    assert parse_state(route, "#wizard=permit&a=connection:lives") == {}
    assert parse_state(route, "#wizard=route&a=cai_signed_on:2023-02-29") == {}
    assert parse_state(route, "#wizard=route&a=cai_signed_on:2024-02-29") == {
        "cai_signed_on": "2024-02-29"}
    assert parse_state(route, "#wizard=route&a=age:34,age:35") == {"age": "34"}
    assert parse_state(route, "#wizard=route&a=" + "x" * 3000) == {}


def test_round_trip(flows):
    answers = {"connection": "lives", "age": "34", "cai": "yes", "cai_signed_on": "2023-05-01"}
    text = format_state(flows["route"], answers, list(answers))
    assert parse_state(flows["route"], "#" + text) == answers


STATE = st.text(max_size=300) | st.lists(st.tuples(
    st.sampled_from(["connection", "age", "cai", "cai_signed_on", "goal", "x", ""]),
    st.text(max_size=12) | st.sampled_from(["lives", "yes", "34", "2024-02-29", "2023-02-30"])),
    max_size=8).map(lambda pairs: "#wizard=route&a=" + ",".join(f"{k}:{v}" for k, v in pairs))


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(STATE, min_size=60, max_size=120))
def test_fuzzed_state_yields_only_valid_answers(flows, flow_data, texts):
    """The parser that ships (the JavaScript runtime's, under Node) keeps only valid answers."""
    route = flows["route"]
    by_id = {q["id"]: q for q in route["questions"]}
    parsed = run_node({"mode": "state", "data": flow_data[("route", "en")], "cases": texts})
    assert len(parsed) == len(texts)
    for answers in parsed:
        for qid, value in answers.items():
            question = by_id[qid]
            if question["type"] == "choice":
                assert value in question["options"]
            elif question["type"] == "yesno":
                assert value in ("yes", "no")
            elif question["type"] == "number":
                assert value.isdigit() and value.isascii()
            else:
                assert parse_iso(value) is not None


def test_node_parses_tampered_and_fuzzed_state_like_python(flows, flow_data):
    import random
    rng = random.Random(4)
    alphabet = "wizard=route&a:,-0123456789agecnotlivs_%#<>\"' yesnoYES"
    fuzz = ["#wizard=route&a=" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
            for _ in range(400)]
    cases = TAMPERED + fuzz
    for flow_id in ("route", "permit"):
        got = run_node({"mode": "state", "data": flow_data[(flow_id, "de")], "cases": cases})
        expected = [parse_state(flows[flow_id], text) for text in cases]
        assert got == expected
        if flow_id == "route":  # the cases must hold both kept and dropped states
            assert any(expected) and not all(expected)
