package id.pantau.matching;

/**
 * A crossing or a village report was linked to a registry person, by the linker or by a person's decision; or
 * unlinked ({@code personId} null) when a link was undone.
 *
 * @param recordKind {@code CROSSING} or {@code REPORT}
 */
public record PersonLinked(String recordKind, long recordId, Long personId, boolean automatic) {
}
