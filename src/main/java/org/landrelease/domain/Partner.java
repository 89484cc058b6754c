package org.landrelease.domain;

/** An implementing organisation (operator) that carries out survey and clearance. */
public record Partner(String id, String name) {}
