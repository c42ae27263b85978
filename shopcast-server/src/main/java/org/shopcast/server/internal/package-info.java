/** Helpers shared by the server's endpoint packages: error bodies and the read connection pool. */
package org.shopcast.server.internal;
