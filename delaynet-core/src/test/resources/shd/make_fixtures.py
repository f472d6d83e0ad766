#!/usr/bin/python3
"""Writes the small SHD-layout HDF5 files the Java tests read (io.delaynet.data.shd.ShdReaderTest).

The files are committed next to this script; CI does not run it. Regenerate them only when the
fixtures must change, on a machine with Debian's python3-h5py and python3-tables:

    cd delaynet-core/src/test/resources/shd && /usr/bin/python3 make_fixtures.py

Layout, as in the Spiking Heidelberg Digits / Spiking Speech Commands files:
    /spikes/times   variable-length rows, spike times in seconds (one row per sample)
    /spikes/units   variable-length rows, uint16 channel of each spike
    /labels         uint16 class per sample
    /extra/speaker  uint16 speaker per sample
    /extra/keys     class names

Four variants cover the two usual writers and the shuffle filter, which jHDF 0.13.0 cannot undo on
variable-length data without the project's workaround:
    pytables_shuffle.h5    PyTables VLArray, zlib + shuffle (PyTables' default with compression), float16 times
    pytables_plain.h5      PyTables VLArray, zlib only, float16 times
    h5py_shuffle.h5        h5py vlen dataset, gzip + shuffle, float32 times
    h5py_plain.h5          h5py vlen dataset, gzip only, float32 times
The expected values are the SAMPLES below; the Java test holds the same numbers.
"""
import h5py
import numpy as np
import tables

# (times in seconds, units, label, speaker); sample 1 has no spikes at all, an edge case readers must keep.
SAMPLES = [
    ([0.0, 0.0, 0.125, 0.5, 0.75], [3, 7, 0, 699, 12], 0, 2),
    ([], [], 19, 11),
    ([0.001, 0.0105, 0.3, 0.3, 1.25, 1.375], [1, 1, 0, 5, 698, 42], 7, 4),
]
KEYS = ["zero", "eins", "seven"]


def pytables_file(path, shuffle):
    filters = tables.Filters(complevel=4, complib="zlib", shuffle=shuffle)
    with tables.open_file(path, mode="w") as f:
        spikes = f.create_group("/", "spikes")
        times = f.create_vlarray(spikes, "times", tables.Float16Atom(), filters=filters)
        units = f.create_vlarray(spikes, "units", tables.UInt16Atom(), filters=filters)
        for t, u, _, _ in SAMPLES:
            times.append(np.array(t, dtype=np.float16))
            units.append(np.array(u, dtype=np.uint16))
        f.create_array("/", "labels", np.array([s[2] for s in SAMPLES], dtype=np.uint16))
        extra = f.create_group("/", "extra")
        f.create_array(extra, "speaker", np.array([s[3] for s in SAMPLES], dtype=np.uint16))
        f.create_array(extra, "keys", np.array(KEYS, dtype="S8"))


def h5py_file(path, shuffle):
    with h5py.File(path, "w") as f:
        n = len(SAMPLES)
        times = f.create_dataset("spikes/times", (n,), dtype=h5py.vlen_dtype(np.float32),
                                 compression="gzip", shuffle=shuffle, chunks=(n,))
        units = f.create_dataset("spikes/units", (n,), dtype=h5py.vlen_dtype(np.uint16),
                                 compression="gzip", shuffle=shuffle, chunks=(n,))
        for i, (t, u, _, _) in enumerate(SAMPLES):
            times[i] = np.array(t, dtype=np.float32)
            units[i] = np.array(u, dtype=np.uint16)
        f.create_dataset("labels", data=np.array([s[2] for s in SAMPLES], dtype=np.uint16))
        f.create_dataset("extra/speaker", data=np.array([s[3] for s in SAMPLES], dtype=np.uint16))
        f.create_dataset("extra/keys", data=np.array(KEYS, dtype=object), dtype=h5py.string_dtype())


if __name__ == "__main__":
    pytables_file("pytables_shuffle.h5", True)
    pytables_file("pytables_plain.h5", False)
    h5py_file("h5py_shuffle.h5", True)
    h5py_file("h5py_plain.h5", False)
