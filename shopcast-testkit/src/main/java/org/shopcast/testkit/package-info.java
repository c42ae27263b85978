/** Real-data fixtures and helpers shared by the modules' tests. */
package org.shopcast.testkit;
