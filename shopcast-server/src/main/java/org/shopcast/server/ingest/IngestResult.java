package org.shopcast.server.ingest;

/**
 * What one committed ingestion request added.
 *
 * @param accepted events new to the store
 * @param duplicates events whose id was already stored (or repeated in the request)
 */
public record IngestResult(int accepted, int duplicates) {}
