"""The coder: a parsed article in, PLOVER events and claims out, in stages that read as a pipeline.

    candidates -> arguments -> status -> rules -> parties -> event

- candidates (`candidates.py`): a trigger is a verb, noun or adjective in the predicate lexicon
  whose requirements hold;
- arguments (`arguments.py`): the actor is the subject (inherited through conjunction, control and
  relative clauses), the agent of a passive, or a noun trigger's possessor / `by`-phrase / light
  verb's subject; the recipient is the direct object, a lexicon preposition's object, or for
  requests the subject of the requested clause;
- status (`status.py`): negation, modals, conditionals and intention verbs above the trigger;
  `said_by` is the subject of a reporting verb above the trigger, or the object of "according to";
- frames (`frames.py`) runs these stages for each sentence and gives `Frame`s (token indices);
- parties (`parties.py`) resolves the tokens into actors; event (`event.py`) makes the `Event`;
  merge, casualties and claims work on the whole article; `extractor.py` holds the pipeline.
"""
