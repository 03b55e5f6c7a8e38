/**
 * The {@code link} command: the linker of {@link id.pantau.matching.linkage} over two CSV files, without a database.
 */
package id.pantau.matching.batch;
