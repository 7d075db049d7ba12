/** The data-domain plugins (audio, EEG, motion capture, spectrogram, image, CT, video) and their file formats. */
module org.convkit.domains {
    requires org.convkit.api;
    requires java.desktop;

    provides org.convkit.api.domain.Domain with org.convkit.domains.ct.CtDomain;
    provides org.convkit.api.domain.FileFormat with org.convkit.domains.nifti.NiftiFormat,
            org.convkit.domains.nifti.NiftiGzFormat;
}
