/** Files that must survive a crash: model files (with the network description), binary CRC-checked checkpoints, atomic writes by rename, the project's JSON mapper and the storage of long double arrays. */
package io.delaynet.io;
