#!/usr/bin/env python3
"""Writes the bad-input fixtures under resources/fixtures/ and their catalogue (expected rule counts and one probe
line of feedback per fixture). Run from jobs/src/test: python3 make_fixtures.py. The files are committed; this
script documents how each was made (encodings, BOMs, line endings are hard to see in a diff)."""
import csv, os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "resources", "fixtures"))
os.makedirs("reference", exist_ok=True)
SH="record_id,agreement_id,service_date,beneficiary_ref,service_type,units,region_code,age_band,sex,priority_group"
TH="transaction_id,agreement_id,date,type,amount,currency,description"
RH="agreement_id,indicator_id,period,baseline,target,actual"
OH="agreement_id,beneficiary_ref,indicator_id,measured_on,phase,group,value"
def srv(id, **o):
    d=dict(record_id=id,agreement_id="AGR-1",service_date="2025-03-10",beneficiary_ref="B-"+id,service_type="counselling",units="1",region_code="R01",age_band="18-24",sex="female",priority_group="false")
    d.update(o); return ",".join(d[k] for k in SH.split(","))
def trx(id, **o):
    d=dict(transaction_id=id,agreement_id="AGR-1",date="2025-03-10",type="expenditure",amount="100.00",currency="USD",description="rent")
    d.update(o); return ",".join(d[k] for k in TH.split(","))
def res(**o):
    d=dict(agreement_id="AGR-1",indicator_id="IND-A1",period="2025-03",baseline="0",target="10",actual="4")
    d.update(o); return ",".join(d[k] for k in RH.split(","))
def om(**o):
    d=dict(agreement_id="AGR-1",beneficiary_ref="B-1",indicator_id="IND-A1",measured_on="2025-03-10",phase="baseline",group="participant",value="12")
    d.update(o); return ",".join(d[k] for k in OH.split(","))
def w(name, text, enc="utf-8", nl="\n"):
    with open(name,"wb") as f: f.write(text.replace("\n", nl).encode(enc))
cat=[]
def c(file, dataset, partner, read, acc, q, rules="", prow="", pfield="", pvalue="", psev="", flex=""):
    cat.append([file,dataset,partner,read,acc,q,rules,prow,pfield,pvalue,psev,flex])

# reference base
w("reference/regions.csv","region_code,name,priority_target_share\nR01,North,0.3\nR02,South,\n")
w("reference/partners.csv","partner_id,name,partner_type,region_code,registered_id\nP01,One,nonprofit,R01,\nP02,Two,business,R02,X1\nP03,Three,academic,R01,\n")
w("reference/programmes.csv","programme_id,name,agency,sector,start_date,end_date,budget,currency\nPRG-A,Alpha,Agency,youth,2025-01-01,2026-12-31,1000000,USD\nPRG-B,Beta,Agency,health,2025-01-01,2026-12-31,500000,USD\n")
w("reference/agreements.csv","agreement_id,programme_id,partner_id,start_date,end_date,committed_amount,currency,payment_model,reporting_due_day\n"
  "AGR-1,PRG-A,P01,2025-01-01,2025-12-31,100000,USD,grant,10\nAGR-2,PRG-B,P02,2025-01-01,2025-12-31,50000,USD,contract,10\n"
  "AGR-3,PRG-A,P03,2025-01-01,2026-12-31,90000,USD,grant,15\nAGR-4,PRG-A,P01,2025-01-01,2025-12-31,70000,CAD,grant,10\n"
  "AGR-5,PRG-A,P01,2025-01-01,2025-12-31,10000,USD,outcomes_based,10\n")
w("reference/indicators.csv","indicator_id,programme_id,name,unit,direction\nIND-A1,PRG-A,Jobs,count,increase\nIND-B1,PRG-B,Visits,count,decrease\n")
w("reference/fx_rates.csv","currency,month,rate_to_reporting_currency\nCAD,2025-03,0.73\n")
for d,n in [("regions",2),("partners",3),("programmes",2),("agreements",5),("indicators",2),("fx_rates",1)]:
    c("reference/%s.csv"%d, d, "_reference", n, n, 0)

# services: file level
w("services-f01-empty.csv",""); c("services-f01-empty.csv","services","P01",0,0,0,"FIL-004=1")
w("services-f02-header-only.csv",SH+"\n"); c("services-f02-header-only.csv","services","P01",0,0,0,"FIL-005=1")
hdr=SH.replace(",units","")
w("services-f03-missing-column.csv",hdr+"\n"+"\n".join(",".join(x for i,x in enumerate(srv("S-03-%d"%k).split(",")) if i!=5) for k in (1,2,3))+"\n")
c("services-f03-missing-column.csv","services","P01",3,0,3,"FIL-002=1")
w("services-f04-unknown-column.csv",SH+",notes\n"+srv("S-04-1")+",hello\n"+srv("S-04-2")+",\n"); c("services-f04-unknown-column.csv","services","P01",2,2,0,"FIL-003=1")
w("services-f05-semicolon.csv",(SH+"\n"+srv("S-05-1")+"\n"+srv("S-05-2")+"\n").replace(",",";")); c("services-f05-semicolon.csv","services","P01",2,2,0,"FIL-006=1")
w("services-f06-tab.csv",(SH+"\n"+srv("S-06-1")+"\n"+srv("S-06-2")+"\n").replace(",","\t")); c("services-f06-tab.csv","services","P01",2,2,0,"FIL-006=1")
w("services-f07-cp1252.csv",SH+"\n"+srv("S-07-1",service_type="café")+"\n"+srv("S-07-2",service_type="crèche")+"\n","cp1252"); c("services-f07-cp1252.csv","services","P01",2,2,0,"FIL-007=1")
w("services-f08-utf16.csv",SH+"\n"+srv("S-08-1")+"\n"+srv("S-08-2",service_type="café")+"\n","utf-16"); c("services-f08-utf16.csv","services","P01",2,2,0,"FIL-007=1")
w("services-f09-bom-crlf.csv","\ufeff"+SH+"\n"+srv("S-09-1")+"\n"+srv("S-09-2")+"\n"+srv("S-09-3")+"\n",nl="\r\n"); c("services-f09-bom-crlf.csv","services","P01",3,3,0)
w("services-f10-quoted.csv",SH+"\n"+srv("S-10-1",service_type='"group, youth"')+"\n"+srv("S-10-2",service_type='"two\nlines"')+"\n"+srv("S-10-3",age_band="adult")+"\n")
c("services-f10-quoted.csv","services","P01",3,2,1,"SRV-012=1","5","age_band","adult","error")
with open("services-f11-binary.csv","wb") as f: f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
c("services-f11-binary.csv","services","P01",0,0,0,"FIL-001=1")
# spreadsheet and Parquet fixtures are built by the test from these CSV sources (dates become date cells / DATE columns)
w("services-f13.xlsx.csv",SH+"\n"+srv("S-13-1",units="1.5")+"\n"+srv("S-13-2",priority_group="true")+"\n"); c("services-f13.xlsx","services","P01",2,2,0)
w("services-f14-bad.xlsx.csv",SH+"\n"+srv("S-14-1")+"\n"+srv("S-14-2",age_band="adult")+"\n"+srv("S-14-3")+"\n"); c("services-f14-bad.xlsx","services","P01",3,2,1,"SRV-012=1","3","age_band","adult","error")
w("services-f15.parquet.csv",SH+"\n"+srv("S-15-1")+"\n"+srv("S-15-2",units="2.5")+"\n"); c("services-f15.parquet","services","P01",2,2,0)
w("services-f16-bad.parquet.csv",SH+"\n"+srv("S-16-1")+"\n"+srv("S-16-2",units="-1")+"\n"); c("services-f16-bad.parquet","services","P01",2,1,1,"SRV-009=1","2","units","-1","error")
w("services-f17-corrupt.xlsx","this is not a workbook\n"); c("services-f17-corrupt.xlsx","services","P01",0,0,0,"FIL-001=1")
w("services-f18-corrupt.parquet","PAR1 this is not parquet\n"); c("services-f18-corrupt.parquet","services","P01",0,0,0,"FIL-001=1")
# services: row level
def one(n, rule, field, value, **o):
    name="services-f%02d-%s.csv"%(n, rule.lower())
    w(name, SH+"\n"+srv("S-%02d-1"%n)+"\n"+srv("S-%02d-2"%n, **o)+"\n")
    c(name,"services","P01",2,1,1,rule+"=1","3",field,value,"error")
one(19,"SRV-005","beneficiary_ref","",beneficiary_ref="")
one(20,"SRV-004","service_date","14/05/2025",service_date="14/05/2025")
one(21,"SRV-004","service_date","2025-02-30",service_date="2025-02-30")
one(22,"SRV-008","units","two",units="two")
one(23,"SRV-009","units","0",units="0")
one(24,"SRV-014","sex","F",sex="F")
one(25,"SRV-016","priority_group","yes",priority_group="yes")
one(32,"XAG-001","agreement_id","AGR-404",agreement_id="AGR-404")
one(33,"XAG-002","agreement_id","AGR-2",agreement_id="AGR-2")
one(35,"XRG-001","region_code","R99",region_code="R99")
one(38,"SRV-002","agreement_id","",agreement_id="")
one(39,"SRV-012","age_band","45 - 64",age_band="45 - 64")
bad=srv("S-26-2",service_type="counselling,group")
w("services-f26-too-many.csv",SH+"\n"+srv("S-26-1")+"\n"+bad+"\n"); c("services-f26-too-many.csv","services","P01",2,1,1,"ROW-001=1","3","",bad,"error")
bad=",".join(srv("S-27-2").split(",")[:8])
w("services-f27-too-few.csv",SH+"\n"+srv("S-27-1")+"\n"+bad+"\n"); c("services-f27-too-few.csv","services","P01",2,1,1,"ROW-002=1","3","",bad,"error")
bad=srv("S-28-2",service_type='"counselling')
w("services-f28-unbalanced.csv",SH+"\n"+srv("S-28-1")+"\n"+bad+"\n"+srv("S-28-3")+"\n"); c("services-f28-unbalanced.csv","services","P01",3,2,1,"ROW-004=1","3","",bad,"error")
w("services-f29-dup-within.csv",SH+"\n"+srv("S-29-1")+"\n"+srv("S-29-1",units="2")+"\n"); c("services-f29-dup-within.csv","services","P01",2,1,1,"SRV-017=1","3","record_id","S-29-1","error")
w("services-f30-dup-across-a.csv",SH+"\n"+srv("S-30-1")+"\n"); c("services-f30-dup-across-a.csv","services","P01",1,1,0)
w("services-f31-dup-across-b.csv",SH+"\n"+srv("S-30-1")+"\n"); c("services-f31-dup-across-b.csv","services","P01",1,0,1,"SRV-017=1","2","record_id","S-30-1","error")
w("services-f34-outside-dates.csv",SH+"\n"+srv("S-34-1")+"\n"+srv("S-34-2",service_date="2026-01-03")+"\n"+srv("S-34-3",service_date="2026-01-20")+"\n")
c("services-f34-outside-dates.csv","services","P01",3,2,1,"XAG-003=1","4","service_date","2026-01-20","error")
w("services-f36-flex.csv",SH+",flex_case_ref\n"+srv("S-36-1")+",CASE-1\n"+srv("S-36-2",age_band="adult")+",\"CASE-9, part 2\"\n")
c("services-f36-flex.csv","services","P01",2,1,1,"SRV-012=1","3","age_band","adult","error","flex_case_ref=CASE-9, part 2")
w("services-f37-blank-lines.csv",SH+"\n\n"+srv("S-37-1")+"\n   \n"+srv("S-37-2")+"\n\n"); c("services-f37-blank-lines.csv","services","P01",2,2,0)
w("services-f40-several-rules.csv",SH+"\n"+srv("S-40-1",units="0",sex="F",age_band="old")+"\n")
c("services-f40-several-rules.csv","services","P01",1,0,1,"SRV-014=1 SRV-009=1 SRV-012=1","2","sex","F","error")

# transactions
w("transactions-f41-not-json.jsonl",'{"transaction_id":"T-41-1","agreement_id":"AGR-1","date":"2025-03-10","type":"expenditure","amount":10.00,"currency":"USD"}\n{"transaction_id": "T-41-2", "amount": \n')
c("transactions-f41-not-json.jsonl","transactions","P01",2,1,1,"ROW-003=1","2","",'{"transaction_id": "T-41-2", "amount": ',"error")
w("transactions-f42-decimal-comma.jsonl",'{"transaction_id":"T-42-1","agreement_id":"AGR-1","date":"2025-03-10","type":"expenditure","amount":"1.234,50","currency":"USD","flex_ledger":"L-7"}\n')
c("transactions-f42-decimal-comma.jsonl","transactions","P01",1,0,1,"TRX-008=1","1","amount","1.234,50","error","flex_ledger=L-7")
def t1(n, rule, field, value, extra="", **o):
    name="transactions-f%02d-%s.csv"%(n, rule.lower())
    w(name, TH+"\n"+trx("T-%02d-1"%n, **o)+"\n")
    c(name,"transactions","P01",1,0,1,(rule+"=1 "+extra).strip(),"2",field,value,"error")
t1(43,"TRX-009","amount","-250.00",amount="-250.00")
t1(44,"TRX-006","type","transfer",type="transfer")
t1(45,"TRX-011","currency","usd","XFX-001=1",currency="usd")
t1(46,"XFX-001","currency","EUR",currency="EUR")
t1(47,"TRX-004","date","2025-3-10",date="2025-3-10")
w("transactions-f48-after-end.csv",TH+"\n"+trx("T-48-1",date="2026-02-01")+"\n"); c("transactions-f48-after-end.csv","transactions","P01",1,1,0,"XAG-004=1","2","date","2026-02-01","warning")
w("transactions-f49-refunds.csv",TH+"\n"+trx("T-49-1",agreement_id="AGR-5",type="disbursement")+"\n"+trx("T-49-2",agreement_id="AGR-5",type="refund",amount="150.00")+"\n")
c("transactions-f49-refunds.csv","transactions","P01",2,2,0,"XTR-001=1","3","amount","150.00","warning")
w("transactions-f50-cad.csv",TH+"\n"+trx("T-50-1",agreement_id="AGR-4",currency="CAD")+"\n"); c("transactions-f50-cad.csv","transactions","P01",1,1,0)
w("transactions-f51-bom.jsonl",'\ufeff{"transaction_id":"T-51-1","agreement_id":"AGR-1","date":"2025-03-11","type":"disbursement","amount":500,"currency":"USD","description":"first tranche"}\n')
c("transactions-f51-bom.jsonl","transactions","P01",1,1,0)

w("transactions-f71-unknown-key.jsonl",'{"transaction_id":"T-71-1","agreement_id":"AGR-1","date":"2025-03-12","type":"expenditure","amount":5,"currency":"USD","ammount_note":"typo"}\n')
c("transactions-f71-unknown-key.jsonl","transactions","P01",1,1,0,"FIL-003=1")

# results
def r1(n, rule, field, value, **o):
    name="results-f%02d-%s.csv"%(n, rule.lower())
    o.setdefault("period", "2025-%02d"%(n-50))
    w(name, RH+"\n"+res(**o)+"\n")
    c(name,"results","P01",1,0,1,rule+"=1","2",field,value,"error")
r1(52,"RES-004","period","2025-13",period="2025-13")
r1(53,"RES-010","actual","n/a",actual="n/a")
r1(54,"XIN-001","indicator_id","IND-ZZ",indicator_id="IND-ZZ")
r1(55,"XIN-002","indicator_id","IND-B1",indicator_id="IND-B1")
w("results-f56-dup.csv",RH+"\n"+res(period="2025-09")+"\n"+res(period="2025-09",actual="5")+"\n")
c("results-f56-dup.csv","results","P01",2,1,1,"RES-011=1","3","agreement_id + indicator_id + period","AGR-1 | IND-A1 | 2025-09","error")
# outcome measurements (OUT-007 is overridden to a warning in the test's configuration)
w("outcome_measurements-f57-phase.csv",OH+"\n"+om(phase="midline")+"\n"); c("outcome_measurements-f57-phase.csv","outcome_measurements","P01",1,1,0,"OUT-007=1","2","phase","midline","warning")
w("outcome_measurements-f58-group.csv",OH+"\n"+om(beneficiary_ref="B-2",group="control")+"\n"); c("outcome_measurements-f58-group.csv","outcome_measurements","P01",1,0,1,"OUT-009=1","2","group","control","error")

# reference data problems
A="agreement_id,programme_id,partner_id,start_date,end_date,committed_amount,currency,payment_model,reporting_due_day\n"
def ref(n, dataset, rule, field, value, header, row):
    name="%s-f%02d-%s.csv"%(dataset,n,rule.lower())
    w(name, header+row+"\n")
    c(name,dataset,"_reference",1,0,1,rule+"=1","2",field,value,"error")
ref(60,"agreements","AGR-020","end_date","2025-01-01",A,"AGR-90,PRG-A,P01,2025-06-01,2025-01-01,1000,USD,grant,10")
ref(61,"agreements","AGR-022","partner_id","P99",A,"AGR-91,PRG-A,P99,2025-01-01,2025-12-31,1000,USD,grant,10")
ref(62,"agreements","AGR-021","programme_id","PRG-Z",A,"AGR-92,PRG-Z,P01,2025-01-01,2025-12-31,1000,USD,grant,10")
ref(63,"agreements","AGR-015","payment_model","loan",A,"AGR-93,PRG-A,P01,2025-01-01,2025-12-31,1000,USD,loan,10")
ref(64,"agreements","AGR-018","reporting_due_day","32",A,"AGR-94,PRG-A,P01,2025-01-01,2025-12-31,1000,USD,grant,32")
ref(65,"programmes","PRG-013","end_date","2024-12-31","programme_id,name,agency,sector,start_date,end_date,budget,currency\n","PRG-X,X,Agency,x,2025-01-01,2024-12-31,10,USD")
ref(66,"indicators","IND-009","programme_id","PRG-Z","indicator_id,programme_id,name,unit,direction\n","IND-Z1,PRG-Z,Z,count,increase")
ref(67,"partners","PTN-008","region_code","R99","partner_id,name,partner_type,region_code,registered_id\n","P09,Nine,community,R99,")
ref(68,"regions","REG-004","priority_target_share","1.5","region_code,name,priority_target_share\n","R09,Nowhere,1.5")
ref(69,"fx_rates","FXR-004","month","2025-3","currency,month,rate_to_reporting_currency\n","EUR,2025-3,1.1")
ref(70,"partners","PTN-005","partner_type","charity","partner_id,name,partner_type,region_code,registered_id\n","P10,Ten,charity,R01,")

with open("catalogue.csv","w",newline="") as f:
    wr=csv.writer(f, lineterminator="\n")
    wr.writerow(["file","dataset","partner","read","accepted","quarantined","rules","probe_row","probe_field","probe_value","probe_severity","probe_flex"])
    wr.writerows(cat)
print(len(cat), "fixtures")
