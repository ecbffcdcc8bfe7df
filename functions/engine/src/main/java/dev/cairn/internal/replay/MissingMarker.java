package dev.cairn.internal.replay;

/**
 * Replayed code asked for a recorded value that history does not have: a call added since the run
 * was recorded. An {@code Error}, so a user's {@code catch (Exception e)} cannot swallow it; the
 * engine reports it as non-determinism.
 */
final class MissingMarker extends Error {
  MissingMarker(String message) {
    super(message);
  }
}
