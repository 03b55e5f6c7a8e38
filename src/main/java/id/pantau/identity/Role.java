package id.pantau.identity;

import id.pantau.reference.RegionLevel;

/** What a user does in Pantau; one role per account. */
public enum Role {

	/** A village government reporting the foreigners in its own village. */
	OHOI,
	/** Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa: checks and forwards village reports. */
	BPMPD,
	/** Badan Kesatuan Bangsa dan Politik: validates reports with TIMPORA, runs the dashboards. */
	KESBANGPOL,
	/** The immigration office: crossing data, matches, immigration alerts and enforcement. */
	IMIGRASI,
	/** A partner agency of the foreigner supervision team. */
	TIMPORA,
	/** The system administrator: users, reference data, settings, audit. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/** A village official's scope is one village; other roles may cover a wider area. */
	public boolean acceptsScopeLevel(RegionLevel level) {
		return this != OHOI || level == RegionLevel.VILLAGE;
	}
}
