/** The data-domain plugins (audio, EEG, motion capture, spectrogram, image, CT, video) and their file formats. */
module org.convkit.domains {
    requires org.convkit.api;
    requires java.desktop;

    provides org.convkit.api.domain.Domain with
            org.convkit.domains.mocap.MocapDomain,
            org.convkit.domains.audio.AudioDomain,
            org.convkit.domains.audio.SpectrogramDomain,
            org.convkit.domains.eeg.EegDomain,
            org.convkit.domains.image.ImageDomain,
            org.convkit.domains.video.VideoDomain,
            org.convkit.domains.ct.CtDomain;

    provides org.convkit.api.domain.FileFormat with
            org.convkit.domains.mocap.C3dFormat,
            org.convkit.domains.mocap.MocapCsvFormat,
            org.convkit.domains.audio.WavFormat,
            org.convkit.domains.common.NpyFormat,
            org.convkit.domains.eeg.EdfFormat,
            org.convkit.domains.eeg.BdfFormat,
            org.convkit.domains.nifti.NiftiFormat,
            org.convkit.domains.nifti.NiftiGzFormat;
}
