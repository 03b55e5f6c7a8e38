/**
 * What every module shares and no module owns: time, scope, errors, files, the database and the commands; the
 * tables and PDF helpers ({@code tables}, {@code pdf}).
 * <p>
 * It owns {@code event_publication}, Spring Modulith's registry of published events, written by the framework;
 * {@code shedlock}, ShedLock's lock of each scheduled job, written by the library; and {@code import_slot}, the import
 * slots taken across instances ({@link id.pantau.platform.ImportSlots}).
 */
@id.pantau.platform.OwnedTables({ "event_publication", "shedlock", "import_slot" })
package id.pantau.platform;
