package org.landrelease.domain;

/**
 * What an account may do. FIELD submits events for its own partner; REVIEWER approves or rejects them; DONOR reads
 * the reports of its own grants; ADMIN manages partners, grants and accounts.
 */
public enum Role {
  FIELD, REVIEWER, DONOR, ADMIN
}
