/** The embedded DuckDB event store in a workspace: schema, connection and summary figures. */
package org.shopcast.data.store;
