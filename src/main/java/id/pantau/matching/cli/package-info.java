/**
 * The matching module's commands: {@code link}, the linker of {@link id.pantau.matching.linkage} over two CSV files
 * without a database, and {@code import-persons}, the import of an existing list of foreigners through matching.
 */
package id.pantau.matching.cli;
