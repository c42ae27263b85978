/** End-to-end load benchmark of the HTTP server's ingestion and read endpoints. */
package org.shopcast.bench.server;
