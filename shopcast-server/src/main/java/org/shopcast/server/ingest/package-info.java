/** Ingestion endpoints and the single writer that commits grouped batches in one transaction. */
package org.shopcast.server.ingest;
