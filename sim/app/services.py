"""Building sessions: the glue between the stores, the model and the conversation loop."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sim.app.session import GradeFn, Session, WarmFn
from sim.core.generation import GenerationOptions, Generator, Progress
from sim.core.grading import GRADER_VERSION, HYBRID_VERSION, grade_turn, prepare_hybrid, warm_hybrid
from sim.core.model_profile import ModelProfile
from sim.core.persona import Persona
from sim.store.paths import Home
from sim.store.transcripts import TranscriptWriter

DEFAULT_USER_NAME = "You"


@dataclass(frozen=True)
class Grader:
    """The grade function a session uses, and what it is."""

    grade: GradeFn
    version: str
    note: str = ""  # why grading runs without the embedding model, if it does
    warm: WarmFn | None = None  # embeds the persona's side ahead of the user's turn


RULES = Grader(grade_turn, GRADER_VERSION)


def load_grader(progress: Progress | None = None, *, embeddings: bool = True) -> Grader:
    """The hybrid grader (rules plus the sentence-embedding model) when it is installed,
    else the rules alone, saying why. Loads torch: call it off the UI thread."""
    if not embeddings:
        return RULES
    from sim.engine.embeddings import load_embedder
    from sim.store.models import ModelError

    try:
        # threads=0: leave torch's thread setting alone, which is process-wide and shared
        # with the language model generating in another thread.
        embedder = load_embedder(progress, threads=0)
        prepare_hybrid(embedder.embed)
    except ModelError as error:
        return Grader(grade_turn, GRADER_VERSION, note=f"grading with rules only: {error}")
    return Grader(partial(grade_turn, embed=embedder.embed), HYBRID_VERSION,
                  warm=partial(warm_hybrid, embed=embedder.embed))


def new_session(
    persona: Persona,
    generator: Generator | None,
    profile: ModelProfile | None,
    *,
    seed: int = 0,
    user_name: str = DEFAULT_USER_NAME,
    save_to: Path | None = None,
    home: Home | None = None,
    record: bool = True,
    grader: Grader = RULES,
) -> Session:
    """A fresh conversation, saved as it happens (unless `record` is False). A
    transcript that cannot be created is reported on the session, not raised: the
    conversation goes on in memory and can be saved elsewhere."""
    from sim.store.transcripts import TranscriptWriteError

    generation = profile.generation if profile else None
    session = Session(
        persona=persona,
        generator=generator,
        options=generation.options() if generation else GenerationOptions(),
        candidates=generation.candidates if generation else 4,
        seed=seed,
        user_name=user_name,
        model_info=({"profile": profile.model_dump(mode="json")} if profile else {}),
        grader=grader.grade,
        grader_version=grader.version,
        grader_warm=grader.warm,
    )
    if record:
        try:
            session.writer = TranscriptWriter.create(session.transcript.header, save_to, home)
            session.transcript = session.writer.transcript
        except TranscriptWriteError as error:
            writer = getattr(error, "writer", None)
            if writer is not None:
                session.writer = writer
                session.transcript = writer.transcript
            session.report_save_problem(str(error))
    return session


def resume_session(
    path: Path,
    persona: Persona,
    generator: Generator | None,
    profile: ModelProfile | None,
    *,
    user_name: str = DEFAULT_USER_NAME,
    grader: Grader = RULES,
) -> Session:
    """Carry on a saved conversation in its own file (a rewind there starts a branch)."""
    writer = TranscriptWriter.open_existing(path)
    generation = profile.generation if profile else None
    return Session(
        persona=persona,
        generator=generator,
        options=generation.options() if generation else GenerationOptions(),
        candidates=generation.candidates if generation else 4,
        seed=writer.transcript.header.seed or 0,
        user_name=user_name,
        writer=writer,
        grader=grader.grade,
        grader_version=grader.version,
        grader_warm=grader.warm,
    )
