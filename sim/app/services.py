"""Building sessions: the glue between the stores, the model and the conversation loop."""

from __future__ import annotations

from pathlib import Path

from sim.app.session import Session
from sim.core.generation import GenerationOptions, Generator
from sim.core.model_profile import ModelProfile
from sim.core.persona import Persona
from sim.store.paths import Home
from sim.store.transcripts import TranscriptWriter

DEFAULT_USER_NAME = "You"


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
    )
