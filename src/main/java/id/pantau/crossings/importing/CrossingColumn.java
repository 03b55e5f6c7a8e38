package id.pantau.crossings.importing;

import java.util.List;
import java.util.Optional;

import id.pantau.platform.tables.HeaderNames;

/** The columns of a crossing file, with the header names Immigration's exports use in Indonesian and English. */
public enum CrossingColumn {

	DIRECTION(true, "arah", "direction", "jenis_perlintasan", "masuk_keluar"),
	CROSSED_AT(true, "waktu", "crossed_at", "tanggal_perlintasan", "waktu_perlintasan", "datetime", "date_time"),
	PORT(true, "tpi", "port", "tempat_pemeriksaan", "pelabuhan", "port_of_entry"),
	DOCUMENT_NUMBER(true, "nomor_dokumen", "document_number", "no_paspor", "nomor_paspor", "passport_number",
			"passport_no", "no_dokumen"),
	NATIONALITY(true, "kewarganegaraan", "nationality", "warga_negara", "negara"),
	FULL_NAME(true, "nama", "full_name", "nama_lengkap", "name"),
	BIRTH_DATE(false, "tanggal_lahir", "birth_date", "tgl_lahir", "date_of_birth", "dob"),
	SEX(false, "jenis_kelamin", "sex", "gender", "jk"),
	PERMIT_TYPE(false, "jenis_izin", "permit_type", "izin", "visa_type", "jenis_visa"),
	STAY_UNTIL(false, "izin_berlaku_sampai", "stay_until", "berlaku_sampai", "authorised_stay_until",
			"authorized_stay_until"),
	TRANSPORT(false, "alat_angkut", "transport", "kapal", "penerbangan", "vessel", "flight");

	private final boolean required;
	private final List<String> headers;

	CrossingColumn(boolean required, String... headers) {
		this.required = required;
		this.headers = List.of(headers);
	}

	public boolean required() {
		return required;
	}

	public List<String> headers() {
		return headers;
	}

	/** The column a header names, whatever its case, spacing, accents or punctuation. */
	public static Optional<CrossingColumn> of(String header) {
		String key = key(header);
		for (CrossingColumn column : values()) {
			if (column.headers.stream().anyMatch(h -> key(h).equals(key))) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	static String key(String header) {
		return HeaderNames.key(header);
	}
}
