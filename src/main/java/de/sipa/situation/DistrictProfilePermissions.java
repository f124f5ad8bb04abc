package de.sipa.situation;

/**
 * Who may see the district profiles: as the crime figures, the coordination and the police everything, the steering
 * group the profiles without the police's figures per district, the other partners nothing ({@link CrimeFigureAccess}).
 */
public final class DistrictProfilePermissions {

    /** The profiles (without crime figures): the coordination, the police and the steering group. */
    public static final String READ = CrimeFigurePermissions.READ_CITY;

    private DistrictProfilePermissions() {
    }
}
