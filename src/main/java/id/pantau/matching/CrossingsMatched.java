package id.pantau.matching;

/** The crossings of a batch were matched with the registry; those linked now count in each person's history. */
public record CrossingsMatched(long batchId, int records, int linked) {
}
