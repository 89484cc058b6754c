package org.landrelease.domain;

import java.time.Instant;

/** One change of an event's status: who made it, when, and why. from is null for the submission. */
public record Transition(EventStatus from, EventStatus to, String actor, Instant at, String reason) {}
