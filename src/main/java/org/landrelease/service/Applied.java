package org.landrelease.service;

import org.landrelease.domain.EventResult;

/** The result of posting an event: created is false for an idempotent replay of an event already in the ledger. */
public record Applied(EventResult result, boolean created) {}
