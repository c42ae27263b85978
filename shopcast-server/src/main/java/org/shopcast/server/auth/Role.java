package org.shopcast.server.auth;

/** What a key may do: write keys ingest only, read keys read only, admin keys do both. */
public enum Role {
  /** Ingestion endpoints only ({@code /v1/*}, {@code POST /api/v1/events}). */
  WRITE,
  /** Read endpoints only. */
  READ,
  /** Everything. */
  ADMIN;

  /** Whether a key of this role may call an endpoint that needs {@code needed}. */
  public boolean allows(Role needed) {
    return this == ADMIN || this == needed;
  }
}
