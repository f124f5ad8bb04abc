package de.sipa.situation;

/** Who may see and maintain the crime figures (PKS); decided by {@link CrimeFigureAccess}. */
public final class CrimeFigurePermissions {

    /** The city's figures as a whole: the coordination, the police and the steering group. */
    public static final String READ_CITY = "@crimeFigureAccess.mayReadCity()";
    /** The figures per district, and importing them: the coordination and the police. */
    public static final String READ_DISTRICTS = "@crimeFigureAccess.mayReadDistricts()";
    /** Populations and offence groups: the coordination. */
    public static final String MANAGE = "@crimeFigureAccess.mayManage()";

    private CrimeFigurePermissions() {
    }
}
