package dev.cairn.internal.store;

import java.time.Instant;

/** A timer between TimerStarted and TimerFired/TimerCanceled: its event id and when it is due. */
public record PendingTimer(long startedEventId, Instant fireAt) {}
