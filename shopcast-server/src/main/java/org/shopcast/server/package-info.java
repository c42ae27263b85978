/** The HTTP server: Segment-compatible ingestion, the read API, operations and the dashboard. */
package org.shopcast.server;
