"""The coder: a parsed article in, PLOVER events and claims out, in stages that read as a pipeline.

    candidate -> arguments -> type -> status -> parties -> event      (frames.py, event.py)

- candidate (`candidates.py`): a verb, noun or adjective in the predicate lexicon whose row's
  requirements hold and that no requirement rule vetoes;
- arguments (`arguments.py`): the actor is the subject (inherited through conjunction, control and
  relative clauses), the agent of a passive, or a noun trigger's possessor / `by`-phrase / light
  verb's subject; the recipient is the direct object, a lexicon preposition's object, or for
  requests the subject of the requested clause;
- type and status (`status.py`): negation, modals, conditionals and intention verbs above the
  trigger; `said_by` is the subject of a reporting verb above it, or the object of "according to";
- parties: one frame per coordinated party (`frames.py`), then each token resolved into an Actor
  (`parties.py`); event (`event.py`): the Event, unless an event rule vetoes it.

Every decision that keeps, drops, retypes or re-assigns is a named `Rule` (`rules.py`; declared in
`frame_rules.py`, `candidates.py` and `event.py`; listed in docs/rules.md), and the rules that
fire are carried on each Frame and Event (`rules`). The article-wide steps: `merge.py` (repeated
mentions), `casualties.py` (tolls told apart), `dates.py` (event dates), `claims.py`;
`extractor.py` runs it all; `explain.py` shows why (`sitroom explain`). Word lists are data files
in `words/`. `verbcodes.py` and `dictionary.py` code with a PETRARCH verb dictionary instead.
"""
