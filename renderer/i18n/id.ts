// The Indonesian catalogue: the kiosk's default language and the source of the catalogue's shape. `en.ts`
// must have exactly these keys (it is typed as `Catalogue`), and the tables keyed by contract enums use
// `satisfies Record<…>` so a new error code, decision or step fails to compile until it has words.
// Placeholders are written `{name}` and filled by `format()`.
import type { ProgressStep } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import type { ProviderName } from '../../common/providers';
import type { Decision, OcrFields, RetakeReason } from '../../common/record';
import type { CardProblem, FaceProblem } from '../../common/capture/guidance';
import type { CameraProblem } from '../capture/camera/cameraProblem';

export const id = {
  app: {
    name: 'Loket',
    training: 'Mode pelatihan',
    provider: 'Layanan: {name}',
    languages: 'Pilihan bahasa',
  },
  // Each language is named in itself (an endonym), so both catalogues carry the same two names.
  language: {
    en: 'English',
    id: 'Bahasa Indonesia',
  },
  providers: {
    sandbox: 'Sandbox (pelatihan)',
    identifai: 'IdentifAI',
    incode: 'Incode Omni',
    faceverify: 'faceverify.ai',
  } satisfies Record<ProviderName, string>,
  sync: {
    label: 'Status sinkronisasi',
    loading: 'Memeriksa status sinkronisasi…',
    pending: 'Menunggu dikirim: {count}',
    inProgress: 'Sedang diproses: {count}',
    reachable: 'Layanan verifikasi terhubung',
    unreachable: 'Layanan verifikasi tidak terhubung',
    unknown: 'Koneksi ke layanan belum diketahui',
    lastSync: 'Sinkron terakhir: {time}',
    never: 'Belum pernah sinkron',
  },
  actions: {
    start: 'Mulai verifikasi',
    takePhoto: 'Ambil foto',
    usePhoto: 'Gunakan foto',
    retake: 'Ulangi',
    done: 'Selesai',
    tryAgain: 'Coba lagi',
    backHome: 'Kembali ke beranda',
  },
  home: {
    title: 'Verifikasi identitas',
    intro: 'Siapkan KTP nasabah. Kami akan memotret KTP lalu wajah nasabah, kemudian memeriksa keduanya.',
    starting: 'Menyiapkan verifikasi…',
  },
  /** Live guidance over the camera: one message at a time, the most important first. */
  guidance: {
    card: {
      no_card: 'Tunjukkan KTP di dalam bingkai',
      card_cut_off: 'KTP terpotong: masukkan seluruh kartu ke dalam bingkai',
      move_closer: 'Dekatkan KTP ke kamera',
      too_dark: 'Terlalu gelap: cari tempat yang lebih terang',
      hold_still: 'Tahan KTP, jangan bergerak',
      blurry: 'KTP buram: tahan diam dan jangan terlalu dekat',
      glare: 'Ada pantulan cahaya di KTP: miringkan sedikit',
    } satisfies Record<CardProblem, string>,
    face: {
      no_face: 'Lihat ke kamera, wajah di dalam oval',
      multiple_faces: 'Hanya satu orang di depan kamera',
      move_closer: 'Mendekat sedikit ke kamera',
      move_back: 'Mundur sedikit dari kamera',
      centre_face: 'Posisikan wajah di tengah oval',
      look_straight: 'Lihat lurus ke kamera',
      too_dark: 'Terlalu gelap: cari cahaya yang lebih terang di wajah',
      blurry: 'Tahan diam, gambar buram',
    } satisfies Record<FaceProblem, string>,
    starting: 'Menyiapkan panduan kamera…',
    looking: 'Mencari…',
    ready: 'Bagus, tahan sebentar: foto diambil otomatis',
    capturing: 'Foto diambil',
  },
  capture: {
    stepOf: 'Langkah {step} dari 2',
    idCardTitle: 'Foto KTP',
    idCardInstruction: 'Letakkan KTP di dalam bingkai, rata dan tanpa pantulan cahaya.',
    selfieTitle: 'Foto wajah nasabah',
    selfieInstruction: 'Minta nasabah menatap kamera, wajah di dalam oval, tanpa kacamata atau topi.',
    cameraStarting: 'Menyalakan kamera…',
    cameraLabelIdCard: 'Tampilan kamera untuk KTP',
    cameraLabelSelfie: 'Tampilan kamera untuk wajah',
    previewTitle: 'Periksa foto',
    previewIdCard: 'Apakah semua tulisan di KTP terbaca jelas?',
    previewSelfie: 'Apakah wajah terlihat jelas dan tidak tertutup?',
    previewAltIdCard: 'Foto KTP yang baru diambil',
    previewAltSelfie: 'Foto wajah yang baru diambil',
    saving: 'Menyimpan foto…',
    // Main could not decode the photo (cut off, damaged) or it is too small: that photo is taken again.
    imageRejectedIdCard: 'Foto KTP tidak dapat dipakai. Silakan ambil ulang.',
    imageRejectedSelfie: 'Foto wajah tidak dapat dipakai. Silakan ambil ulang.',
  },
  retake: {
    no_face: 'Kami tidak melihat wajah. Tatap lurus ke kamera.',
    multiple_faces: 'Terlihat lebih dari satu wajah. Pastikan hanya nasabah yang ada di depan kamera.',
    face_occluded: 'Sebagian wajah tertutup. Lepaskan masker, kacamata gelap, atau topi.',
    poor_quality: 'Foto kurang jelas. Pastikan cukup terang dan kamera tidak bergerak.',
    // Incode's selfie messages, in the same short style as its English originals.
    too_dark: 'Terlalu gelap',
    remove_glasses: 'Mohon lepaskan kacamata Anda',
    only_one_person: 'Pastikan hanya Anda yang ada di dalam bingkai',
    center_face: 'Posisikan wajah Anda di tengah bingkai',
    move_closer: 'Mendekatlah agar wajah Anda pas di dalam bingkai',
    blurry: 'Foto buram, bersihkan lensa kamera dan jangan bergerak',
    too_dark_move: 'Terlalu gelap, coba pindah ke tempat yang lebih terang',
    try_later: 'Terjadi kesalahan, silakan coba lagi nanti',
    capture_failed: 'Foto tidak dapat diambil, coba pindah ke tempat lain',
    poor_conditions: 'Kondisi kurang baik untuk foto wajah, coba di tempat lain',
    spoof_suspected: 'Wajah asli tidak dapat dipastikan, tatap lurus ke kamera lalu coba lagi',
    remove_mask: 'Mohon lepaskan masker Anda',
    id_not_recognised: 'KTP tidak dikenali, letakkan seluruh KTP di dalam bingkai',
    id_glare: 'Ada pantulan cahaya pada KTP, miringkan sedikit agar tidak silau',
    id_blurry: 'Foto KTP buram, pegang KTP dengan tenang dan bersihkan lensa kamera',
    id_too_small: 'KTP terlalu kecil, dekatkan agar memenuhi bingkai',
  } satisfies Record<RetakeReason, string>,
  camera: {
    not_found: {
      title: 'Kamera tidak ditemukan',
      help: 'Periksa apakah kabel kamera terpasang dan kamera menyala, lalu ketuk Coba lagi.',
    },
    denied: {
      title: 'Akses kamera diblokir',
      help: 'Izin kamera untuk Loket ditolak. Minta petugas TI mengizinkan kamera untuk aplikasi ini.',
    },
    busy: {
      title: 'Kamera sedang dipakai',
      help: 'Tutup aplikasi lain yang memakai kamera (misalnya panggilan video), lalu ketuk Coba lagi.',
    },
    failed: {
      title: 'Kamera tidak dapat dinyalakan',
      help: 'Cabut lalu pasang kembali kamera, kemudian ketuk Coba lagi. Jika tetap gagal, hubungi petugas TI.',
    },
  } satisfies Record<CameraProblem, { title: string; help: string }>,
  waiting: {
    title: 'Memeriksa identitas…',
    hint: 'Mohon tunggu. Biasanya kurang dari satu menit.',
    progressLabel: 'Kemajuan pemeriksaan',
  },
  // The provider's hosted face check (faceverify.ai), done by the customer outside Loket's own screens.
  hosted: {
    title: 'Selesaikan pemeriksaan wajah',
    qrInstruction: 'Minta nasabah memindai kode QR ini dengan ponsel mereka, lalu ikuti langkah-langkahnya.',
    qrAlt: 'Kode QR untuk pemeriksaan wajah',
    open: 'Buka pemeriksaan wajah',
    openInstruction: 'Pemeriksaan wajah akan terbuka di tab baru. Setelah selesai, kembali ke layar ini.',
    kioskWindow:
      'Pemeriksaan wajah telah terbuka di jendela terpisah di kios ini. Minta nasabah mengikuti langkah-langkahnya.',
    continues: 'Layar ini akan berlanjut dengan sendirinya setelah pemeriksaan wajah selesai.',
  },
  progress: {
    saving: 'Menyimpan data',
    authorising: 'Menghubungi layanan verifikasi',
    submitting: 'Mengirim foto',
    processing: 'Mencocokkan wajah',
    reading_id: 'Membaca data KTP',
    waiting_for_customer: 'Menunggu pemeriksaan wajah oleh nasabah',
    done: 'Selesai',
  } satisfies Record<ProgressStep, string>,
  decision: {
    verified: 'Terverifikasi',
    not_verified: 'Tidak terverifikasi',
    needs_review: 'Perlu ditinjau',
  } satisfies Record<Decision, string>,
  /** Training records: the sandbox answered, so no screen may call anyone verified without saying so. */
  decisionTraining: {
    verified: 'Terverifikasi (pelatihan)',
    not_verified: 'Tidak terverifikasi (pelatihan)',
    needs_review: 'Perlu ditinjau (pelatihan)',
  } satisfies Record<Decision, string>,
  trainingNotice:
    'Mode pelatihan: hasil ini dari sandbox, bukan verifikasi sungguhan. Tidak ada nasabah yang terverifikasi.',
  decisionHelp: {
    verified: 'Wajah nasabah cocok dengan foto di KTP.',
    not_verified: 'Wajah nasabah tidak cocok dengan KTP, atau pemeriksaan keaslian wajah gagal.',
    needs_review: 'Hasilnya belum pasti. Periksa KTP asli dan nasabah secara langsung.',
  } satisfies Record<Decision, string>,
  result: {
    scores: 'Nilai pemeriksaan',
    liveness: 'Keaslian wajah (liveness)',
    similarity: 'Kemiripan wajah',
    notAvailable: 'Tidak tersedia',
    percent: '{value}%',
    ocrTitle: 'Data dari KTP',
    ocrEmpty: 'Data KTP tidak terbaca.',
    providerMessage: 'Pesan dari layanan verifikasi: {message}',
  },
  ocr: {
    nik: 'NIK',
    name: 'Nama',
    birthPlace: 'Tempat Lahir',
    birthDate: 'Tanggal Lahir',
    sex: 'Jenis Kelamin',
    bloodType: 'Golongan Darah',
    address: 'Alamat',
    rtRw: 'RT/RW',
    village: 'Kel/Desa',
    district: 'Kecamatan',
    city: 'Kabupaten/Kota',
    province: 'Provinsi',
    religion: 'Agama',
    maritalStatus: 'Status Perkawinan',
    occupation: 'Pekerjaan',
    nationality: 'Kewarganegaraan',
    validUntil: 'Berlaku Hingga',
  } satisfies Record<keyof OcrFields, string>,
  pending: {
    title: 'Pengajuan tersimpan',
    body: 'Layanan verifikasi sedang tidak dapat dihubungi. Data sudah tersimpan aman di kios ini dan akan diperiksa otomatis saat koneksi kembali.',
  },
  failure: {
    title: 'Verifikasi tidak dapat diselesaikan',
    detail: 'Keterangan untuk petugas: {message}',
  },
  errors: {
    invalid_request: 'Permintaan tidak valid. Mulai lagi dari awal.',
    unknown_channel: 'Versi layar ini tidak cocok dengan aplikasi Loket. Mulai ulang Loket.',
    forbidden: 'Layar ini tidak terhubung ke Loket. Buka kembali Loket dari komputer kios.',
    not_found: 'Data verifikasi ini tidak ditemukan. Mulai verifikasi baru.',
    invalid_state: 'Langkah ini tidak dapat dilakukan sekarang. Mulai verifikasi baru.',
    invalid_image: 'Foto tidak dapat dipakai. Ambil ulang foto dengan cahaya yang cukup.',
    credentials_missing: 'Kunci akses layanan verifikasi belum dipasang. Hubungi petugas TI.',
    keychain_locked:
      'Penyimpanan kunci komputer ini terkunci. Masuk ulang ke komputer atau hubungi petugas TI.',
    provider_auth: 'Layanan verifikasi menolak kunci akses kios ini. Hubungi petugas TI.',
    provider_unavailable: 'Layanan verifikasi sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    provider_rejected:
      'Layanan verifikasi menolak pengajuan ini. Mulai verifikasi baru dengan foto yang lebih jelas.',
    storage: 'Data tidak dapat disimpan di kios ini. Hubungi petugas TI.',
    sign_in_required: 'Masuk terlebih dahulu: langkah ini memerlukan petugas.',
    supervisor_required: 'Langkah ini hanya untuk supervisor atau admin. Masuk sebagai supervisor.',
    consent_required: 'Silakan baca dan setujui pernyataan persetujuan terlebih dahulu.',
    reason_required: 'Ketik alasan untuk mengonfirmasi data ini sebagai terverifikasi.',
    internal: 'Terjadi kesalahan di aplikasi Loket. Coba lagi; jika terulang, hubungi petugas TI.',
  } satisfies Record<ErrorCode, string>,
};

/** The catalogue's shape: every language provides exactly these keys. */
export type Catalogue = typeof id;
