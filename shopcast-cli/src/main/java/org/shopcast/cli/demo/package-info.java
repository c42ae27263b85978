/** The {@code shopcast demo} command: the whole pipeline on the bundled real samples. */
package org.shopcast.cli.demo;
