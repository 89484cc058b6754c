package org.landrelease.domain;

/** How land was released (IMAS 07.11). */
public enum Outcome { CANCELLED, REDUCED, CLEARED }
