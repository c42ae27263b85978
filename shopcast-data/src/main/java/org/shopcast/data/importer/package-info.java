/** Importing source files into the event store: formats, validation, quarantine, landing. */
package org.shopcast.data.importer;
