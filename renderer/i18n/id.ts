// The Indonesian catalogue: the kiosk's default language and the source of the catalogue's shape. `en.ts`
// must have exactly these keys (it is typed as `Catalogue`), and the tables keyed by contract enums use
// `satisfies Record<…>` so a new error code, decision or step fails to compile until it has words.
// Placeholders are written `{name}` and filled by `format()`.
import type { ProgressStep } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import type { ProviderName } from '../../common/providers';
import type { Decision, OcrFields, RetakeReason } from '../../common/record';
import type { CardProblem, FaceProblem } from '../../common/capture/guidance';
import type { CardRejection, SelfieRejection } from '../../common/capture/precheck';
import type { CameraProblem } from '../capture/camera/cameraProblem';
import type { NikFlag } from '../../common/nik-checks';
import type { Role } from '../../common/roles';

export const id = {
  app: {
    name: 'Loket',
    training: 'Mode pelatihan',
    provider: 'Layanan: {name}',
    languages: 'Pilihan bahasa',
    loading: 'Memuat…',
    signedInAs: 'Petugas: {name}',
    trainingOperator: 'Pelatihan (tanpa akun)',
    signOut: 'Keluar',
  },
  roles: {
    operator: 'operator',
    supervisor: 'supervisor',
    admin: 'administrator',
  } satisfies Record<Role, string>,
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
  /** The kiosk's own check refused the photo (main, before any provider saw it): what to do differently. */
  refused: {
    id_card: {
      no_card: 'KTP tidak terlihat di foto. Pegang seluruh KTP di depan kamera.',
      card_cut_off: 'Sebagian KTP terpotong. Pastikan keempat sudut KTP ada di dalam bingkai.',
      card_too_small: 'KTP terlalu kecil di foto. Dekatkan KTP ke kamera.',
      too_dark: 'Foto KTP terlalu gelap. Cari tempat yang lebih terang.',
      blurry: 'Foto KTP buram. Pegang KTP dengan tenang sampai foto diambil.',
      glare: 'Ada pantulan cahaya pada KTP. Miringkan sedikit agar tidak silau.',
      no_face_on_card:
        'Foto wajah pada KTP tidak terlihat. Pastikan foto di KTP tidak tertutup jari atau pantulan.',
    } satisfies Record<CardRejection, string>,
    selfie: {
      no_face: 'Wajah tidak terlihat. Tatap lurus ke kamera.',
      multiple_faces: 'Terlihat lebih dari satu wajah. Pastikan hanya satu orang di depan kamera.',
      face_too_small: 'Wajah terlalu jauh. Mendekatlah ke kamera.',
      too_dark: 'Wajah terlalu gelap. Cari tempat yang lebih terang.',
      blurry: 'Foto wajah buram. Diam sejenak sampai foto diambil.',
      printed_photo:
        'Yang terlihat seperti foto cetak atau layar. Wajah orangnya sendiri harus ada di depan kamera.',
    } satisfies Record<SelfieRejection, string>,
  },
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
  // The assisted desk: staff sign-in, the first run of a real kiosk, and the review of what was read.
  signIn: {
    title: 'Masuk petugas',
    intro: 'Masuk dengan akun petugas Anda sebelum melayani nasabah.',
    name: 'Nama',
    password: 'Kata sandi',
    submit: 'Masuk',
    checking: 'Memeriksa…',
    missing: 'Isi nama dan kata sandi.',
    invalid: 'Nama atau kata sandi salah.',
    locked:
      'Akun ini terkunci sampai {time}. Coba lagi setelah itu, atau minta administrator mengatur ulang.',
    idleSignedOut: 'Anda dikeluarkan otomatis setelah {minutes} menit tanpa aktivitas.',
    signedOut: 'Anda sudah keluar. Foto nasabah yang belum dikirim telah dihapus.',
    trainingTitle: 'Mode pelatihan',
    trainingIntro: 'Petugas baru dapat berlatih tanpa akun. Semua data ditandai sebagai pelatihan.',
    training: 'Masuk untuk pelatihan',
  },
  firstRun: {
    title: 'Siapkan kios ini',
    intro:
      'Belum ada akun petugas. Buat akun administrator pertama; setelah itu hanya petugas dengan akun yang dapat masuk.',
    name: 'Nama administrator',
    password: 'Kata sandi',
    repeat: 'Ulangi kata sandi',
    passwordHint: 'Minimal {min} karakter, dan bukan nama Anda.',
    submit: 'Buat administrator dan masuk',
    creating: 'Membuat akun…',
    missingName: 'Isi nama administrator.',
    tooShort: 'Kata sandi minimal {min} karakter.',
    sameAsName: 'Kata sandi tidak boleh sama dengan nama.',
    mismatch: 'Kedua kata sandi tidak sama.',
    refused: 'Akun tidak dapat dibuat.',
    cliTitle: 'Atau lewat baris perintah',
    cliIntro:
      'Petugas TI dapat membuat akun ini di komputer kios; kata sandi dibaca dari input standar, tidak pernah dari baris perintah:',
  },
  review: {
    open: 'Tinjau dan konfirmasi',
    title: 'Tinjau data KTP',
    loading: 'Memuat data…',
    providerDecision: 'Keputusan layanan verifikasi: {decision}',
    reference: 'Kode referensi: {code}',
    photoTitle: 'Foto KTP',
    photoAlt: 'Foto KTP nasabah ini',
    photoLoading: 'Memuat foto KTP…',
    noPhoto: 'Foto KTP tidak lagi disimpan untuk data ini.',
    fieldsTitle: 'Data yang terbaca dari KTP',
    fieldsHint:
      'Bandingkan dengan KTP asli. Perbaiki yang salah terbaca: bacaan asli tetap disimpan, bersama nama Anda dan waktunya.',
    notRead: 'Tidak terbaca',
    readAs: 'Terbaca: {value}',
    edit: 'Ubah',
    editLabel: 'Ubah {field}',
    save: 'Simpan',
    cancel: 'Batal',
    valueRequired: 'Isi nilainya, atau batalkan.',
    showNik: 'Tampilkan NIK',
    hideNik: 'Sembunyikan NIK',
    checksTitle: 'Pemeriksaan NIK',
    checksClear: 'Semua pemeriksaan lolos: NIK sesuai dengan data KTP.',
    checksOpen: 'Periksa hal berikut pada KTP asli:',
    confirmTitle: 'Konfirmasi data',
    confirmHint:
      'Keputusan Anda disimpan di samping keputusan layanan verifikasi, dengan nama Anda dan waktunya.',
    reasonNeeded:
      'Ada pemeriksaan yang belum lolos, atau layanan verifikasi tidak menyatakan terverifikasi: untuk mengonfirmasi sebagai terverifikasi, ketik alasannya.',
    reason: 'Alasan',
    confirmVerified: 'Konfirmasi terverifikasi',
    confirmNotVerified: 'Konfirmasi tidak terverifikasi',
    saving: 'Menyimpan…',
    confirmed: 'Data {code} telah dikonfirmasi: {decision}.',
  },
  /** Each NIK cross-check (common/nik-checks.ts) in words staff can act on. */
  nikFlags: {
    nik_missing: 'NIK tidak terbaca dari KTP.',
    nik_not_16_digits: 'NIK tidak terdiri dari 16 angka.',
    nik_province_unknown: 'Dua angka pertama NIK bukan kode provinsi mana pun.',
    nik_birth_date_invalid: 'Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang ada.',
    birth_date_unreadable: 'Tanggal lahir tidak terbaca dari KTP.',
    birth_date_mismatch: 'Tanggal lahir dalam NIK tidak sama dengan tanggal lahir di KTP.',
    sex_unreadable: 'Jenis kelamin tidak terbaca dari KTP.',
    sex_mismatch:
      'Jenis kelamin dalam NIK (tanggal lahir + 40 untuk perempuan) tidak sama dengan yang tertulis di KTP.',
    under_17: 'Menurut tanggal lahirnya, pemegang KTP belum berusia 17 tahun.',
  } satisfies Record<NikFlag, string>,
  // The unattended kiosk, in words for the customer (nobody from the bank stands beside them).
  selfService: {
    welcome: 'Selamat datang',
    intro: 'Verifikasi identitas Anda sendiri dengan KTP dan foto wajah, dalam beberapa menit.',
    chooseLanguage: 'Pilih bahasa',
    touchToStart: 'Sentuh untuk mulai',
    consentLoading: 'Memuat pernyataan persetujuan…',
    consentIntro:
      'Baca pernyataan ini sebelum kamera dinyalakan. Tidak ada yang diambil tanpa persetujuan Anda.',
    consentVersion: 'Versi {version}',
    accept: 'Saya setuju',
    decline: 'Saya tidak setuju',
    declinedTitle: 'Terima kasih',
    declinedBody:
      'Anda tidak menyetujui, jadi tidak ada data Anda yang disimpan. Petugas di loket dapat membantu Anda.',
    starting: 'Menyiapkan kamera…',
    outcome: {
      verified: 'Identitas Anda terverifikasi',
      not_verified: 'Identitas Anda tidak dapat diverifikasi',
      needs_review: 'Verifikasi Anda perlu diperiksa petugas',
      pending: 'Pengajuan Anda tersimpan',
    } satisfies Record<Decision | 'pending', string>,
    outcomeHelp: {
      verified: 'Terima kasih. Anda dapat melanjutkan layanan di loket.',
      not_verified: 'Silakan datang ke loket dengan KTP Anda; petugas akan membantu.',
      needs_review: 'Silakan datang ke loket dan sebutkan kode referensi di bawah.',
      pending:
        'Layanan verifikasi sedang tidak terhubung. Pengajuan Anda akan diperiksa otomatis; tanyakan hasilnya di loket dengan kode referensi di bawah.',
    } satisfies Record<Decision | 'pending', string>,
    training: '{outcome} (pelatihan)',
    trainingNotice: 'Mode pelatihan: ini bukan verifikasi sungguhan.',
    referenceLabel: 'Kode referensi',
    referenceHelp: 'Sebutkan kode ini di loket bila Anda ingin bertanya, atau meminta data Anda dihapus.',
    returning: 'Kembali ke awal dalam {seconds} detik.',
    finish: 'Selesai',
    idleTitle: 'Masih di sana?',
    idleBody:
      'Sentuh layar untuk melanjutkan. Jika tidak, semua yang sudah diambil akan dihapus dalam {seconds} detik.',
    idleContinue: 'Lanjutkan',
    /** The capture step's words where they address the staff at a desk, reworded for the customer. */
    capture: {
      idCardInstruction: 'Pegang KTP Anda di dalam bingkai, rata dan tanpa pantulan cahaya.',
      selfieTitle: 'Foto wajah Anda',
      selfieInstruction: 'Tatap kamera, wajah di dalam oval, tanpa kacamata atau topi.',
      backHome: 'Batal',
    },
    hosted: {
      qrInstruction: 'Pindai kode QR ini dengan ponsel Anda, lalu ikuti langkah-langkahnya.',
      kioskWindow:
        'Pemeriksaan wajah telah terbuka di jendela terpisah di kios ini. Ikuti langkah-langkahnya.',
    },
  },
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
    photo_rejected: 'Foto ini tidak lolos pemeriksaan kios. Ambil ulang foto tersebut.',
    credentials_missing: 'Kunci akses layanan verifikasi belum dipasang. Hubungi petugas TI.',
    keychain_locked:
      'Penyimpanan kunci komputer ini terkunci. Masuk ulang ke komputer atau hubungi petugas TI.',
    provider_auth: 'Layanan verifikasi menolak kunci akses kios ini. Hubungi petugas TI.',
    provider_unavailable: 'Layanan verifikasi sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    provider_rejected:
      'Layanan verifikasi menolak pengajuan ini. Mulai verifikasi baru dengan foto yang lebih jelas.',
    storage: 'Data tidak dapat disimpan di kios ini. Hubungi petugas TI.',
    sign_in_required: 'Masuk terlebih dahulu: langkah ini memerlukan petugas.',
    consent_required: 'Silakan baca dan setujui pernyataan persetujuan terlebih dahulu.',
    reason_required: 'Ketik alasan untuk mengonfirmasi data ini sebagai terverifikasi.',
    internal: 'Terjadi kesalahan di aplikasi Loket. Coba lagi; jika terulang, hubungi petugas TI.',
  } satisfies Record<ErrorCode, string>,
};

/** The catalogue's shape: every language provides exactly these keys. */
export type Catalogue = typeof id;
