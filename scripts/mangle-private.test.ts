import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { privateMangling, readPrivateNames, shortName } from './mangle-private';

describe('readPrivateNames', () => {
  it('finds every kind of private declaration, most used first, then by name', () => {
    const a = `class A {
      private _rare = 1;
      private readonly _often: number;
      protected static _shared = 2;
      private async _load() {}
      private get _size() { return this._often + this._often; }
      public _notPrivate = 3;
      run() { this._often; this._load(); this._notPrivate; }
    }`;
    const b = 'class B { private _load = 0; x() { return this._load; } }';
    expect(readPrivateNames([a, b])).to.deep.equal(['_often', '_load', '_rare', '_shared', '_size']);
  });

  it('gives the same order whatever order the sources come in', () => {
    const sources = ['class A { private _x = 0; private _y = this._x; }', 'class B { private _z = 0; }'];
    expect(readPrivateNames([...sources].reverse())).to.deep.equal(readPrivateNames(sources));
  });
});

describe('shortName', () => {
  it('counts $a … $Z, then $aa', () => {
    expect([0, 1, 25, 26, 51, 52, 53].map(shortName)).to.deep.equal([
      '$a',
      '$b',
      '$z',
      '$A',
      '$Z',
      '$aa',
      '$ab',
    ]);
  });

  it('never gives one name twice', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), (i, j) => i === j || shortName(i) !== shortName(j)),
    );
  });
});

describe('privateMangling', () => {
  it('matches exactly the names given and maps each to its short name', () => {
    const { regex, nameCache } = privateMangling(['_often', '_load']);
    expect(
      ['_often', '_load', '_oftener', 'x_load', '_$litType$'].map((name) => regex.test(name)),
    ).to.deep.equal([true, true, false, false, false]);
    expect(nameCache).to.deep.equal({ props: { props: { $_often: '$a', $_load: '$b' } } });
  });
});
