package org.landrelease.domain;

/** Suspected (SHA) or confirmed (CHA) hazardous area. */
public enum Classification { SHA, CHA }
