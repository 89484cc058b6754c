package org.landrelease.domain;

public enum ClearanceMethod { MANUAL, MECHANICAL, MDD, COMBINED }
