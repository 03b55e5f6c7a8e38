package id.pantau.crossings.importing;

/** Why a row was refused, as a message key and its argument, with the row as it came. */
public record RowProblem(int rowNumber, String reasonKey, String argument, String raw) {
}
