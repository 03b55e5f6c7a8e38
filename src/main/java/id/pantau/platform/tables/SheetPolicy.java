package id.pantau.platform.tables;

/**
 * The one policy every uploaded table is read under, whichever module reads it (crossings, crew lists, Kesbangpol's
 * person lists, the village report workbook): what a workbook may unpack to, how far it may be compressed, how many
 * rows it may have, how many columns a row of it or of a CSV file may have, and how long a cell and a row may be. {@link WorkbookRows} and
 * {@link DelimitedRows} enforce it while they stream, so a file is refused as soon as it goes beyond it, and memory
 * stays bounded: a workbook is never loaded whole, and at most {@value #QUEUED_ROWS} rows of at most
 * {@value #MAX_ROW_CHARS} characters wait between the parser and the reader. A formula cell is never a value: never
 * evaluated, its saved result never read, the row refused (see {@link WorkbookRows} for why).
 * <p>
 * The figures: a full Excel sheet of crossings (a million rows of a dozen short columns) unpacks to about 400 to 700 MB, so
 * {@value #MAX_UNPACKED_BYTES} bytes for all parts together leaves room for it and refuses the 1.35 GB file of the
 * probe; XML compresses about ten to twenty times, so a part that unpacks more than {@value #MAX_INFLATION} times
 * beyond its first megabyte is a bomb (POI's own default ratio); the parts POI reads whole (styles, relationships,
 * workbook, properties) are kilobytes in real files, so {@value #MAX_WHOLE_PART_BYTES} bytes each is ample.
 * Modules keep their own, smaller limits on top (a village's month of reports is at most 1,000 rows of 2 MB).
 */
public final class SheetPolicy {

	/** All parts of a workbook together, unpacked. */
	public static final long MAX_UNPACKED_BYTES = 1L << 30;
	/** How many times larger than its compressed size a part may unpack (beyond {@link #RATIO_GRACE_BYTES}). */
	public static final int MAX_INFLATION = 100;
	static final long RATIO_GRACE_BYTES = 1L << 20;
	/** Each part POI reads whole into objects (styles, relationships, workbook, content types, properties). */
	public static final long MAX_WHOLE_PART_BYTES = 4L << 20;
	/**
	 * Rows of a sheet, the header and empty rows included: what an Excel sheet holds. A CSV file has no such bound
	 * (its size is bounded by the upload's), as reading it costs no memory per row.
	 */
	public static final int MAX_ROWS = 1_048_576;
	/** Columns of a row: far more than any table Pantau reads has, far fewer than a hostile row may claim. */
	public static final int MAX_COLUMNS = 256;
	/** Characters of one cell or field. */
	public static final int MAX_CELL_CHARS = 10_000;
	/** Characters of one row, all its cells together. */
	public static final int MAX_ROW_CHARS = 65_536;
	/** Rows parsed ahead of the reader. */
	static final int QUEUED_ROWS = 128;

	private SheetPolicy() {
	}
}
