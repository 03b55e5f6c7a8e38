/**
 * Names and document numbers folded into comparable keys: the one normaliser that search and record linkage share.
 * Pure Java, without Spring or a database, so any module may use it.
 */
@org.springframework.modulith.NamedInterface("names")
package id.pantau.registry.names;
