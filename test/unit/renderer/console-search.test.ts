// The console's search box: a reference code or a NIK in full goes to main; part of a NIK is told, not sent.
import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../../renderer/console/search';

describe('the console search box', () => {
  it('sends a full NIK, however it was typed, and a reference code in any case, with or without its dash', () => {
    expect(parseSearch('3174054107800003')).toEqual({ search: { nik: '3174054107800003' } });
    expect(parseSearch(' 3174 0541 0780 0003 ')).toEqual({ search: { nik: '3174054107800003' } });
    expect(parseSearch('3174.0541.0780.0003')).toEqual({ search: { nik: '3174054107800003' } });
    expect(parseSearch('k7q4-3zpx')).toEqual({ search: { reference: 'k7q4-3zpx' } });
    expect(parseSearch('K7Q43ZPX')).toEqual({ search: { reference: 'K7Q43ZPX' } });
    // Eight digits are a reference code (Crockford base32 has digits), not part of a NIK.
    expect(parseSearch('1234-5678')).toEqual({ search: { reference: '12345678' } });
  });

  it('never sends part of a NIK, nor text that is neither', () => {
    for (const partial of ['317405', '31740541078000', '317405410780000312']) {
      expect(parseSearch(partial)).toEqual({ problem: 'partial_nik' });
    }
    expect(parseSearch('SITI AMINAH')).toEqual({ problem: 'invalid' });
    expect(parseSearch('')).toEqual({ problem: 'invalid' });
  });
});
