import { describe, expect, it } from 'vitest';
import { mapOcrFields } from '../../../../main/providers/identifai/ocr';

describe('mapOcrFields', () => {
  it('maps the current snake_case answer', () => {
    const item = {
      agama: 'ISLAM',
      alamat: 'JL. MERDEKA NO. 1',
      berlaku_hingga: 'SEUMUR HIDUP',
      golongan_darah: '-',
      jenis_kelamin: 'LAKI-LAKI',
      kabupaten_kota: 'KABUPATEN LAMPUNG SELATAN',
      kecamatan: 'SIDOMULYO',
      kelurahan_desa: 'BANDAR DALAM',
      kewarganegaraan: 'WNI',
      nama: 'BUDI SANTOSO',
      nik: '1801070310930005',
      pekerjaan: 'BELUM/TIDAK BEKERJA',
      provinsi: 'LAMPUNG',
      rt_rw: '003/005',
      status_perkawinan: 'BELUM KAWIN',
      tanggal_lahir: '03-10-1993',
      tempat_lahir: '',
    };
    expect(mapOcrFields([item])).toEqual({
      religion: 'ISLAM',
      address: 'JL. MERDEKA NO. 1',
      validUntil: 'SEUMUR HIDUP',
      bloodType: '-',
      sex: 'LAKI-LAKI',
      city: 'KABUPATEN LAMPUNG SELATAN',
      district: 'SIDOMULYO',
      village: 'BANDAR DALAM',
      nationality: 'WNI',
      name: 'BUDI SANTOSO',
      nik: '1801070310930005',
      occupation: 'BELUM/TIDAK BEKERJA',
      province: 'LAMPUNG',
      rtRw: '003/005',
      maritalStatus: 'BELUM KAWIN',
      birthDate: '03-10-1993',
    });
  });

  it('maps the legacy labels, splitting place and date of birth', () => {
    const item = {
      NIK: '3171234567890001',
      Nama: 'SITI AMINAH',
      'Tempat/Tgl Lahir': 'JAKARTA, 17-08-1990',
      'Jenis Kelamin': 'PEREMPUAN',
      'Gol. Darah': 'O',
      Alamat: 'JL. SUDIRMAN 5',
      'RT/RW': '001/002',
      'Kel/Desa': 'KARET',
      Kecamatan: 'SETIABUDI',
      '': 'JAKARTA SELATAN',
      PROVINSI: 'DKI JAKARTA',
      Agama: 'ISLAM',
      'Status Perkawinan': 'KAWIN',
      Pekerjaan: 'KARYAWAN SWASTA',
      Kewarganegaraan: 'WNI',
      'Berlaku Hingga': 'SEUMUR HIDUP',
    };
    expect(mapOcrFields([item])).toEqual({
      nik: '3171234567890001',
      name: 'SITI AMINAH',
      birthPlace: 'JAKARTA',
      birthDate: '17-08-1990',
      sex: 'PEREMPUAN',
      bloodType: 'O',
      address: 'JL. SUDIRMAN 5',
      rtRw: '001/002',
      village: 'KARET',
      district: 'SETIABUDI',
      city: 'JAKARTA SELATAN',
      province: 'DKI JAKARTA',
      religion: 'ISLAM',
      maritalStatus: 'KAWIN',
      occupation: 'KARYAWAN SWASTA',
      nationality: 'WNI',
      validUntil: 'SEUMUR HIDUP',
    });
  });

  it('reads a birth field without a comma, and one wrapped a level deep', () => {
    expect(mapOcrFields([{ 'Tempat/Tgl Lahir': 'BANDUNG 01-02-1985' }])).toEqual({
      birthPlace: 'BANDUNG',
      birthDate: '01-02-1985',
    });
    expect(mapOcrFields([{ ocr_ktp: { nik: '3171234567890001' } }])).toEqual({ nik: '3171234567890001' });
  });

  it('ignores non-strings, unknown keys and empty results', () => {
    expect(mapOcrFields([{ nik: 1234, foo: 'bar' }, null, 'x'])).toEqual({});
    expect(mapOcrFields([])).toEqual({});
  });
});
