/**
 * Bulk loading with PostgreSQL COPY: rows in COPY's text format ({@link id.pantau.platform.copy.CopyText}) sent into
 * tables on one connection with figures per table ({@link id.pantau.platform.copy.CopyTables}). A module that owns
 * tables offers its own bulk load on top (the registry's {@code RegistryBulkLoad}) for generated data sets of
 * millions of rows; plain JDBC, no Spring.
 */
@org.springframework.modulith.NamedInterface("copy")
package id.pantau.platform.copy;
