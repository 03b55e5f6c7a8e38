/**
 * Tables that come and go as files: reading the rows of an uploaded CSV or XLSX as a stream
 * ({@link id.pantau.platform.tables.RowSource}), refusing files that cannot be read
 * ({@link id.pantau.platform.tables.UnreadableFile}), and writing CSV fields that neither PostgreSQL's COPY nor a
 * spreadsheet misreads ({@link id.pantau.platform.tables.Csv}). Shared by the modules that import or export tables
 * (crossings, the registry's crew lists, reports); plain Java and POI, no Spring.
 */
@org.springframework.modulith.NamedInterface("tables")
package id.pantau.platform.tables;
