.class public final enum Lcom/example/Self;
.super Ljava/lang/Enum;
.source "Self.java"


# static fields
.field public static final enum ONE:Lcom/example/Self;

.field public static final FIRST:Lcom/example/Self; = .enum Lcom/example/Self;->ONE:Lcom/example/Self;

.field public static final MEMBERS:[Ljava/lang/Object; = {
    Lcom/example/Self;->count:I,
    Lcom/example/Self;->make(I)Lcom/example/Self;,
    invoke-static@Lcom/example/Self;->make(I)Lcom/example/Self;,
    static-get@Lcom/example/Self;->ONE:Lcom/example/Self;,
    "count:I, make(I)V @x",
    ':',
    Lcom/example/Self;,
    (I)Lcom/example/Self;
}

.field public static final NOTE:Ljava/lang/String; = "not(a):reference"

.field public static final HANDLE:Ljava/lang/invoke/MethodHandle; = invoke-static@Lcom/example/Self;->make(I)Lcom/example/Self;


# instance fields
.field private count:I


# direct methods
.method static constructor <clinit>()V
    .registers 2

    const/4 v0, 0x1

    invoke-static {v0}, Lcom/example/Self;->make(I)Lcom/example/Self;

    move-result-object v0

    sput-object v0, Lcom/example/Self;->ONE:Lcom/example/Self;

    return-void
.end method

.method private constructor <init>(Ljava/lang/String;I)V
    .registers 3

    invoke-direct {p0, p1, p2}, Ljava/lang/Enum;-><init>(Ljava/lang/String;I)V

    return-void
.end method

.method public static bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;
    .registers 5

    const/4 v0, 0x0

    return-object v0
.end method

.method static make(I)Lcom/example/Self;
    .registers 5

    new-instance v0, Lcom/example/Self;

    const-string v1, "ONE"

    invoke-direct {v0, v1, p0}, Lcom/example/Self;-><init>(Ljava/lang/String;I)V

    iput p0, v0, Lcom/example/Self;->count:I

    iget v2, v0, Lcom/example/Self;->count:I

    sget-object v3, Lcom/example/Self;->ONE:Lcom/example/Self;

    invoke-virtual {v3}, Lcom/example/Self;->ordinal()I

    invoke-virtual {v0}, Ljava/lang/Object;->hashCode()I

    invoke-custom {v0}, call_site_0("make", (Lcom/example/Self;)Ljava/lang/Runnable;, invoke-static@Lcom/example/Self;->make(I)Lcom/example/Self;)@Lcom/example/Self;->bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;

    invoke-custom/range {p0 .. p0}, call_site_1("count", (I)Ljava/lang/Runnable;, invoke-static@Lcom/example/Self;->make(I)Lcom/example/Self;)@Lcom/example/Self;->bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;

    return-object v0
.end method
