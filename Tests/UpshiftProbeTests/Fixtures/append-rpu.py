import sys
data=open('bl.hevc','rb').read()
rpu=open(sys.argv[1],'rb').read()
# split Annex B into NAL units
starts=[]
i=0
while True:
    j=data.find(b'\x00\x00\x01',i)
    if j<0: break
    starts.append(j+3); i=j+3
nals=[]
for k,s in enumerate(starts):
    e=starts[k+1]-3 if k+1<len(starts) else len(data)
    n=data[s:e]
    while n.endswith(b'\x00'): n=n[:-1]
    nals.append(n)
out=b''
aus=[]
for n in nals:
    t=(n[0]>>1)&0x3f
    if t==35: aus.append([])
    aus[-1].append(n)
for au in aus:
    for n in au: out+=b'\x00\x00\x00\x01'+n
    out+=b'\x00\x00\x00\x01'+rpu
open(sys.argv[2],'wb').write(out)
print(len(aus),'access units')
