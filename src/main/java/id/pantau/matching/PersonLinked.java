package id.pantau.matching;

/**
 * A village report was linked to a registry person by the linker, or a crossing or a report by a person's decision;
 * or unlinked ({@code personId} null) when a link was undone. The crossings the linker links in a batch are told at
 * once by {@link CrossingsMatched}, not one by one.
 *
 * @param recordKind {@code CROSSING}, {@code REPORT} or {@code ROSTER} (a row of an imported list)
 */
public record PersonLinked(String recordKind, long recordId, Long personId, boolean automatic) {
}
