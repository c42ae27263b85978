/** Benchmarks: the end-to-end import benchmark against raw DuckDB and pandas, and JMH kernels. */
package org.shopcast.bench;
